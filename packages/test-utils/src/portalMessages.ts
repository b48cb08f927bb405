import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  notificationService,
  NotificationSendOptions,
} from '@backstage/plugin-notifications-node';
import {
  SignalPayload,
  signalsServiceRef,
} from '@backstage/plugin-signals-node';

/**
 * The signals service of a test backend, recording each signal a plugin publishes in `signals`
 * instead of sending it to the portal's browsers.
 */
export function recordedSignals() {
  const signals: SignalPayload[] = [];
  const factory = createServiceFactory({
    service: signalsServiceRef,
    deps: {},
    factory: () => ({
      publish: async signal => {
        signals.push(signal as SignalPayload);
      },
    }),
  });
  return { signals, factory };
}

/**
 * The notification service of a test backend, recording each notification a plugin sends in
 * `sent` instead of sending it to the notifications backend.
 */
export function recordedNotifications() {
  const sent: NotificationSendOptions[] = [];
  const factory = createServiceFactory({
    service: notificationService,
    deps: {},
    factory: () => ({
      send: async options => {
        sent.push(options);
      },
    }),
  });
  return { sent, factory };
}
