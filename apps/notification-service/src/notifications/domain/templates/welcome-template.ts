import { type RenderedMessage } from '../notification';
import { lines } from './format';

export interface WelcomeData {
  readonly username: string;
}

export function welcomeMessage({ username }: WelcomeData): RenderedMessage {
  return {
    subject: `Welcome to kafka-commerce, ${username}`,
    body: lines(
      `Hi ${username},`,
      '',
      'Your kafka-commerce account is ready. We will email you about your orders and payments.',
      '',
      '— kafka-commerce',
    ),
  };
}
