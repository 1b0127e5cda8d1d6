import { makeActivityFailures, makeRequireValid, type DomainFailure } from '@commerce/activity-kit/failures';
import { CheckoutFailure } from '@commerce/contracts/checkout';
import { ShippingUnavailable } from '../domain/charges.js';

/** Bad activity input: the checkout's InvalidInput type (non-retryable). */
export class InvalidCheckoutInput extends Error implements DomainFailure {
  readonly type = CheckoutFailure.InvalidInput;
  constructor(
    message: string,
    readonly details: { problems: string[] },
  ) {
    super(message);
    this.name = 'InvalidCheckoutInput';
  }
}

type CheckoutDomainFailure = ShippingUnavailable | InvalidCheckoutInput;

/** The checkout's expected failures leave its activities as non-retryable ApplicationFailures of their contract type. */
export const withCheckoutFailures = makeActivityFailures<CheckoutDomainFailure>({
  isExpected: (error): error is CheckoutDomainFailure =>
    error instanceof ShippingUnavailable || error instanceof InvalidCheckoutInput,
});

export const requireValidInput = makeRequireValid(
  (message, problems) => new InvalidCheckoutInput(message, { problems }),
);
