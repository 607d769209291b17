/** The table's stream: a record's new image as the item it is (the notifier reads inserted notifications). */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';

/** The item of a stream record's NewImage (keys and `type` included); throws when the image is not one. */
export function itemOfStreamImage(image: Record<string, unknown>): Record<string, unknown> {
  return unmarshall(image as Record<string, AttributeValue>);
}
