/** POST of a review kind: the body is read and parsed (JSON, YAML or protobuf), answered, and never stored. */
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { parseBody, readBody, sendJson } from '../http-io';
import { normalizeIncoming } from '../object-rules';
import { type ResourceRoute } from '../routes';
import { ApiError } from '../status';
import { type ReviewContext, answerReview } from './reviews';

/** Answers a request on a review kind's path: 201 with the answered review, 405 for anything but a POST. */
export async function handleReview(
  req: IncomingMessage,
  res: ServerResponse,
  route: ResourceRoute,
  ctx: ReviewContext,
): Promise<void> {
  if (req.method !== 'POST' || route.name !== undefined) {
    throw new ApiError(
      405,
      'MethodNotAllowed',
      'the server does not allow this method on the requested resource',
    );
  }
  const review = normalizeIncoming(route.type, parseBody(await readBody(req), req.headers['content-type']));
  sendJson(res, 201, answerReview(review, ctx));
}
