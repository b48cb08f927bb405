import { mockServices } from '@backstage/backend-test-utils';
import { ServiceUnavailableError } from '@backstage/errors';
import express from 'express';
import {
  databaseUnavailableHandler,
  isDatabaseUnavailable,
} from './databaseUnavailable';

const withCode = (message: string, code: string) =>
  Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('recognises a lost or refused database connection', () => {
    for (const error of [
      withCode('terminating connection due to administrator command', '57P01'),
      withCode('connection failure', '08006'),
      withCode('too many connections', '53300'),
      withCode('read ECONNRESET', 'ECONNRESET'),
      new Error('select * from "t" - Connection terminated unexpectedly'),
      new Error(
        'Client has encountered a connection error and is not queryable',
      ),
      Object.assign(new Error('Knex: Timeout acquiring a connection'), {
        name: 'KnexTimeoutError',
      }),
    ]) {
      expect(isDatabaseUnavailable(error)).toBe(true);
    }
  });

  it('leaves errors of the request itself alone', () => {
    for (const error of [
      withCode('duplicate key value violates unique constraint', '23505'),
      withCode('syntax error', '42601'),
      new Error('Unknown environment "moon"'),
      'Connection terminated',
    ]) {
      expect(isDatabaseUnavailable(error)).toBe(false);
    }
  });
});

describe('databaseUnavailableHandler', () => {
  const handle = (error: Error) => {
    const next = jest.fn();
    databaseUnavailableHandler(mockServices.logger.mock())(
      error,
      { method: 'GET', originalUrl: '/x' } as express.Request,
      {} as express.Response,
      next,
    );
    return next.mock.calls[0][0];
  };

  it('turns a lost connection into a 503 without the SQL', () => {
    const passed = handle(
      new Error('select * from "secrets" - Connection terminated unexpectedly'),
    );
    expect(passed).toBeInstanceOf(ServiceUnavailableError);
    expect(passed.message).toBe(
      'The database is unavailable; retry the request',
    );
    expect(passed.cause).toBeUndefined();
  });

  it('passes other errors on unchanged', () => {
    const error = withCode('duplicate key', '23505');
    expect(handle(error)).toBe(error);
  });
});
