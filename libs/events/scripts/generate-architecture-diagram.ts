/**
 * Writes the topics diagram (services, topics, producer → topic → consumer) into the README's
 * architecture section, between its topics-diagram markers. Run: `pnpm docs:diagram`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { currentTopicsDiagram, README_FILE, withTopicsDiagram } from './architecture-diagram';

const readme = readFileSync(README_FILE, 'utf8');
const updated = withTopicsDiagram(readme, currentTopicsDiagram());
if (updated === readme) {
  console.log('README.md: the topics diagram is up to date');
} else {
  writeFileSync(README_FILE, updated);
  console.log('README.md: wrote the topics diagram');
}
