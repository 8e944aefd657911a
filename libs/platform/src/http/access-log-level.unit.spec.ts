import { type IncomingMessage, type ServerResponse } from 'node:http';
import { accessLogLevel } from './access-log-level';

const request = {} as IncomingMessage;
const answered = (statusCode: number) => ({ statusCode }) as ServerResponse;

describe('accessLogLevel', () => {
  it('logs a request that went well at debug, below the default level', () => {
    expect(accessLogLevel(request, answered(202))).toBe('debug');
    expect(accessLogLevel(request, answered(304))).toBe('debug');
  });

  it('warns about a client error and reports a server error or a failed response', () => {
    expect(accessLogLevel(request, answered(422))).toBe('warn');
    expect(accessLogLevel(request, answered(503))).toBe('error');
    expect(accessLogLevel(request, answered(200), new Error('socket hang up'))).toBe('error');
  });
});
