const Sequencer = require('@jest/test-sequencer').default;

// Suites that leave the stack busy (the SIGTERM suite leaves 10,000 welcome emails to send)
// run last, so no other suite's waits depend on how fast that backlog drains.
const HEAVY = ['graceful-shutdown'];
const weight = (path) => (HEAVY.some((name) => path.includes(name)) ? 1 : 0);

class StackSequencer extends Sequencer {
  sort(tests) {
    return [...tests].sort(
      (a, b) => weight(a.path) - weight(b.path) || a.path.localeCompare(b.path),
    );
  }
}

module.exports = StackSequencer;
