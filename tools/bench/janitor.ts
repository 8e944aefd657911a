import { spawn } from 'node:child_process';
import path from 'node:path';
import { type StackProfile } from '../stack/profile';
import { KAFKA_SH } from './broker';

/**
 * Removes what the bench started — the bench stack's services and its broker — once this
 * process is gone, however it ends. No handler in here can be relied on for that: on Ctrl-C,
 * tsx SIGKILLs a child that has not answered within 60 ms, which a busy event loop does not.
 * The janitor runs in its own session, so Ctrl-C does not reach it; it exits after cleaning
 * up, or when dismissed after a normal stop. Returns the dismissal.
 */
export function startJanitor(profile: StackProfile): () => void {
  const instance = profile.kafka.external ? '' : profile.kafka.instance;
  const janitor = spawn(
    'bash',
    [
      '-c',
      `while kill -0 "$1" 2>/dev/null; do sleep 0.5; done
       for pid_file in "$2"/*.pid; do [ -f "$pid_file" ] && kill "$(cat "$pid_file")" 2>/dev/null; done
       [ -z "$4" ] || exec bash "$3" clean --name "$4"`,
      'bench-janitor',
      String(process.pid),
      path.join(profile.stateDir, 'pids'),
      KAFKA_SH,
      instance,
    ],
    { detached: true, stdio: 'ignore' },
  );
  janitor.unref();
  return () => {
    // Its own process group (detached): the loop and its `sleep` go together.
    if (janitor.pid !== undefined && janitor.exitCode === null) {
      try {
        process.kill(-janitor.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
}
