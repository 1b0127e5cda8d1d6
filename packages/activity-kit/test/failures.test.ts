import { Type } from '@sinclair/typebox';
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { makeActivityFailures, makeRequireValid, toApplicationFailure } from '../src/failures.js';

class ShopError extends Error {
  constructor(
    readonly type: 'OutOfStockError' | 'InvalidShopInputError' | 'ShopUnavailableError',
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}
const isShopError = (error: unknown): error is ShopError => error instanceof ShopError;

const withShopFailures = makeActivityFailures({
  isExpected: isShopError,
  retryable: (error) => error.type === 'ShopUnavailableError',
});
const requireValid = makeRequireValid(
  (message, problems) => new ShopError('InvalidShopInputError', message, { problems }),
);

const failureOf = async (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => expect.fail('expected a failure'),
    (error: unknown) => error,
  );

describe('makeActivityFailures', () => {
  it('passes results through', async () => {
    const double = withShopFailures(async ({ n }: { n: number }) => Promise.resolve(n * 2));
    expect(await double({ n: 21 })).toBe(42);
  });

  it("turns the domain's failures into non-retryable ApplicationFailures of their type, with details", async () => {
    const hold = withShopFailures((): Promise<never> => {
      throw new ShopError('OutOfStockError', 'only 2 left', { available: 2 });
    });
    const failure = await failureOf(hold({}));
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({
      type: 'OutOfStockError',
      message: 'only 2 left',
      nonRetryable: true,
      details: [{ available: 2 }],
    });
  });

  it('leaves the failures the rules call retryable retryable, and anything else untouched', async () => {
    const unavailable = await failureOf(
      withShopFailures(() => Promise.reject(new ShopError('ShopUnavailableError', 'try later')))(
        {},
      ),
    );
    expect(unavailable).toMatchObject({
      type: 'ShopUnavailableError',
      nonRetryable: false,
      details: [],
    });
    const bug = new TypeError('boom');
    expect(await failureOf(withShopFailures(() => Promise.reject(bug))({}))).toBe(bug);
  });
});

describe('makeRequireValid', () => {
  const Order = Type.Object({
    orderId: Type.String({ minLength: 1 }),
    quantity: Type.Integer({ minimum: 1 }),
  });

  it('returns valid input as it is', () => {
    const input = { orderId: 'o-1', quantity: 2 };
    expect(requireValid(Order, input, 'order')).toBe(input);
  });

  it("throws the domain's error with every problem in the message and the details", () => {
    let thrown: unknown;
    try {
      requireValid(Order, { orderId: '', quantity: 0 }, 'order');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ShopError);
    const error = thrown as ShopError;
    expect(error.type).toBe('InvalidShopInputError');
    expect(error.message).toMatch(/^invalid order: \/orderId: .+; \/quantity: .+$/);
    expect(error.details).toEqual({
      problems: [expect.stringMatching(/^\/orderId/), expect.stringMatching(/^\/quantity/)],
    });
    expect(toApplicationFailure(error)).toMatchObject({
      type: 'InvalidShopInputError',
      nonRetryable: true,
    });
  });
});
