-- Profile updates (PATCH /users/me): the channels a user is notified on and a revision
-- counting their profile changes, carried by user.updated.
ALTER TABLE "users" ADD COLUMN     "notification_channels" TEXT[] DEFAULT ARRAY['email']::TEXT[],
ADD COLUMN     "profile_revision" INTEGER NOT NULL DEFAULT 0;

-- Prisma does not model CHECK constraints: one or two of the known channels.
ALTER TABLE "users" ADD CONSTRAINT "users_notification_channels_check" CHECK (
    "notification_channels" IS NOT NULL
    AND cardinality("notification_channels") BETWEEN 1 AND 2
    AND "notification_channels" <@ ARRAY['email', 'sms']::TEXT[]
);
