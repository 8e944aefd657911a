/*
 * The notifications module's public face: what app.module.ts needs. It also keeps the contact
 * book (the users topic's projection), which is the recipient directory of its mail.
 */
export { NotificationsModule } from './notifications.module';
