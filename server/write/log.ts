import 'server-only';
import type { WriteReply } from './answers';
import type { WriteContext } from './context';

/**
 * One line in the server log per write attempt, whatever its outcome:
 * `meshlens write: who=anonymous action=apply object=VirtualService/bookinfo/reviews result=applied status=200 audit=…`.
 * Values are JSON-quoted when they hold spaces or quotes, so the line stays one line and parseable.
 */

function value(text: string): string {
  return /^[^\s"=]+$/.test(text) ? text : JSON.stringify(text);
}

/** Logs the attempt and passes the reply through. */
export function logWrite(
  ctx: Pick<WriteContext, 'who' | 'log'>,
  action: string,
  object: string,
  reply: WriteReply,
): WriteReply {
  const { answer } = reply;
  const fields: [string, string][] = [
    ['who', ctx.who],
    ['action', action],
    ['object', object],
    ['result', answer.outcome],
    ['status', String(reply.status)],
  ];
  if (answer.outcome === 'applied') {
    fields.push(['operation', answer.operation]);
    if (answer.audit) fields.push(['audit', answer.audit.id]);
  }
  if (answer.outcome === 'refused') fields.push(['reason', answer.error.message]);
  if (answer.outcome === 'conflict') fields.push(['reason', answer.conflict.message]);
  if (answer.outcome === 'invalid') fields.push(['problems', String(answer.problems.length)]);
  ctx.log(`meshlens write: ${fields.map(([k, v]) => `${k}=${value(v)}`).join(' ')}`);
  return reply;
}

/** Runs a write, logging its reply or the error it throws (which is rethrown for the route to answer). */
export async function loggedWrite(
  ctx: Pick<WriteContext, 'who' | 'log'>,
  action: string,
  object: string,
  run: () => Promise<WriteReply>,
): Promise<WriteReply> {
  try {
    return logWrite(ctx, action, object, await run());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    ctx.log(
      `meshlens write: who=${value(ctx.who)} action=${action} object=${value(object)} result=error reason=${value(message)}`,
    );
    throw error;
  }
}
