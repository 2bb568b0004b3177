import { describe, expect, it } from 'vitest';
import { findDates, periodOf } from '../../lib/facts';

const when = (text: string, articleDate?: string) => periodOf(findDates(text, { articleDate }));

describe('English dates and periods', () => {
  it('reads "between March 10 and May 22" with the year of the article', () => {
    expect(when('between March 10 and May 22, it closed accounts', '2023-05-27')).toEqual({
      period: { from: '2023-03-10', to: '2023-05-22' },
    });
  });

  it('leaves out dates whose year is unknown', () => {
    expect(when('between March 10 and May 22, it closed accounts')).toEqual({});
    expect(when('until October 26')).toEqual({});
  });

  it('reads a written year, and lends it to the other end of a range', () => {
    expect(when('from March 10 to May 22, 2023')).toEqual({ period: { from: '2023-03-10', to: '2023-05-22' } });
    expect(when('from December 1, 2022 to March 3')).toEqual({ period: { from: '2022-12-01', to: '2023-03-03' } });
    expect(when('between June 1 and 30, 2023')).toEqual({ period: { from: '2023-06-01', to: '2023-06-30' } });
    expect(when('on July 8, 2021')).toEqual({ date: '2021-07-08' });
    expect(when('on 8 July 2021')).toEqual({ date: '2021-07-08' });
    expect(when('on 2023-03-10')).toEqual({ date: '2023-03-10' });
  });

  it('reads "until October 26" and "from now until October 26"', () => {
    expect(when('until October 26', '2021-08-07')).toEqual({ period: { to: '2021-10-26' } });
    expect(when('from now until October 26', '2021-08-07')).toEqual({ period: { from: '2021-08-07', to: '2021-10-26' } });
    expect(when('since March 10', '2023-05-27')).toEqual({ period: { from: '2023-03-10' } });
  });

  it('takes the year nearest the article for a date written without one', () => {
    expect(when('on December 30', '2024-01-02')).toEqual({ date: '2023-12-30' });
  });

  it('resolves "on Friday" and "yesterday" against the article date, and leaves them out without one', () => {
    // 2023-05-27 was a Saturday.
    expect(when('In a statement released on Friday', '2023-05-27')).toEqual({ date: '2023-05-26' });
    expect(when('the CAC said yesterday', '2023-05-27')).toEqual({ date: '2023-05-26' });
    expect(when('In a statement released on Friday')).toEqual({});
  });

  it('does not take "may" the verb for a month', () => {
    expect(findDates('accounts may 22 times be closed')).toEqual([]);
  });

  it('reports where each date stands, so its digits are never read as figures', () => {
    const text = 'A sign seen in Beijing, China July 8, 2021.';
    const [date] = findDates(text);
    expect(text.slice(date!.start, date!.end)).toBe('July 8, 2021');
  });
});

describe('Chinese dates and periods', () => {
  it('joins "3月10日以来 … 截至5月22日" into one period', () => {
    expect(when('3月10日以来，网信办开展专项行动，截至5月22日，累计清理信息', '2023-05-27')).toEqual({
      period: { from: '2023-03-10', to: '2023-05-22' },
    });
    expect(when('3月10日以來，網信辦開展專項行動，截至5月22日，累計清理信息', '2023-05-27')).toEqual({
      period: { from: '2023-03-10', to: '2023-05-22' },
    });
  });

  it('reads a full date, and ranges with 至 / 到', () => {
    expect(when('2023年3月10日')).toEqual({ date: '2023-03-10' });
    expect(when('2023年3月10日至5月22日')).toEqual({ period: { from: '2023-03-10', to: '2023-05-22' } });
    expect(when('3月10日到22日', '2023-05-27')).toEqual({ period: { from: '2023-03-10', to: '2023-03-22' } });
    expect(when('自即日起至10月26日', '2021-08-07')).toEqual({ period: { from: '2021-08-07', to: '2021-10-26' } });
  });

  it('reads "5月以來" as a period from the start of the month', () => {
    expect(when('據網信辦通報，5月以來累計處置違規賬號', '2023-05-27')).toEqual({ period: { from: '2023-05-01' } });
    expect(when('5月以来，网信办处置违规账号')).toEqual({});
  });

  it('resolves 昨日 / 昨天 / 周五 with the article date and leaves them out without it', () => {
    expect(when('网信办昨日通报', '2023-05-27')).toEqual({ date: '2023-05-26' });
    expect(when('网信办昨天通报', '2023-05-27')).toEqual({ date: '2023-05-26' });
    expect(when('網信辦週五通報', '2023-05-27')).toEqual({ date: '2023-05-26' });
    expect(when('网信办昨日通报')).toEqual({});
  });

  it('does not read the platform 今日头条 as "today"', () => {
    expect(findDates('今日头条关闭账号', { articleDate: '2023-05-27' })).toEqual([]);
  });

  it('leaves out a month and day with no year to be had', () => {
    expect(when('截至5月22日')).toEqual({});
  });
});
