import type { ServerMessageData, ServerMessageType } from "@/lib/contract/realtime";

export type PublishableType = Exclude<ServerMessageType, "connection_ack">;

/** Where services send realtime messages; Socket.IO in the server, a recorder in tests. */
export interface Publisher {
  publish<T extends PublishableType>(type: T, data: ServerMessageData<T>): void;
}

export const nullPublisher: Publisher = { publish() {} };

/** The same publisher, telling `onPublish` each message's type after sending it. */
export function tapPublisher(inner: Publisher, onPublish: (type: PublishableType) => void): Publisher {
  return {
    publish(type, data) {
      inner.publish(type, data);
      onPublish(type);
    },
  };
}
