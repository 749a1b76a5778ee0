import { describe, expect, it } from 'vitest';
import { countSegments } from '../../src/conversation/sms-encoding.js';

describe('countSegments', () => {
  it('fits 160 GSM-7 characters in one segment and splits 161 into two of 153', () => {
    expect(countSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', segments: 1, units: 160, length: 160 });
    expect(countSegments('a'.repeat(161))).toEqual({ encoding: 'GSM-7', segments: 2, units: 161, length: 161 });
    expect(countSegments('a'.repeat(306)).segments).toBe(2);
    expect(countSegments('a'.repeat(307)).segments).toBe(3);
  });

  it('fits 70 UCS-2 characters in one segment and splits 71 into two of 67', () => {
    expect(countSegments('á'.repeat(70))).toEqual({ encoding: 'UCS-2', segments: 1, units: 70, length: 70 });
    expect(countSegments('á'.repeat(71))).toEqual({ encoding: 'UCS-2', segments: 2, units: 71, length: 71 });
    expect(countSegments('á'.repeat(134)).segments).toBe(2);
    expect(countSegments('á'.repeat(135)).segments).toBe(3);
  });

  it('counts the euro sign as two septets without leaving GSM-7', () => {
    expect(countSegments('€')).toEqual({ encoding: 'GSM-7', segments: 1, units: 2, length: 1 });
    expect(countSegments('€'.repeat(80)).segments).toBe(1);
    expect(countSegments('€'.repeat(81))).toMatchObject({ encoding: 'GSM-7', segments: 2, units: 162 });
    expect(countSegments(`${'a'.repeat(159)}€`).segments).toBe(2);
  });

  it('never splits an escape pair across segments', () => {
    // 306 septets is two segments of 153 by arithmetic, but after 152 septets the € pair (2) does not fit
    // the one septet left: it opens segment two, and the last septet spills into a third.
    expect(countSegments(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toMatchObject({ units: 306, segments: 3 });
    expect(countSegments(`${'a'.repeat(151)}€${'a'.repeat(153)}`)).toMatchObject({ units: 306, segments: 2 });
  });

  it('switches the whole message to UCS-2 for one character outside GSM-7, and counts an emoji as two units', () => {
    expect(countSegments(`${'a'.repeat(100)}’`)).toMatchObject({ encoding: 'UCS-2', segments: 2 });
    expect(countSegments('😊')).toEqual({ encoding: 'UCS-2', segments: 1, units: 2, length: 2 });
    expect(countSegments('a'.repeat(68) + '😊')).toMatchObject({ units: 70, segments: 1 });
    expect(countSegments('a'.repeat(69) + '😊')).toMatchObject({ units: 71, segments: 2 });
  });

  it('treats the GSM-7 letters of European languages (é ñ ü ß à) as GSM-7', () => {
    expect(countSegments('Mañana está')).toMatchObject({ encoding: 'UCS-2' });
    expect(countSegments('Mañana é über Straße à')).toMatchObject({ encoding: 'GSM-7' });
  });

  it('reports an empty body as zero segments', () => {
    expect(countSegments('')).toMatchObject({ segments: 0, units: 0 });
  });
});
