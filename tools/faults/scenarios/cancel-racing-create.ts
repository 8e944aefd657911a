import { type Scenario } from '../scenario';
import { PLENTY } from './plans';

export const cancelRacingCreate: Scenario = {
  name: 'cancel-racing-create',
  title: 'every order cancelled by its customer the moment it is accepted, racing the saga',
  quick: true,
  async run({ fixture, load, quick }) {
    await load(await fixture(PLENTY), {
      orders: quick ? 40 : 100,
      concurrency: 10,
      cancelShare: 1,
      declinedShare: 0.1,
    });
  },
};
