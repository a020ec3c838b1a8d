import { Injectable } from '@nestjs/common';

/** The source of "now" for every rule that depends on time; tests replace it. */
export abstract class Clock {
  abstract now(): Date;
}

@Injectable()
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
