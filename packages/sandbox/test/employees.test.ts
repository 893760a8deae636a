import { describe, expect, it } from 'vitest';
import { api, employeeBody, payoutBody, startForFile } from './helpers.js';

const { sandbox, call } = await startForFile();

describe('employees', () => {
  it('requires an email (2.0); a new employee is `created` with an invitation code', async () => {
    const created = await call('POST', 'employees/', { name: 'Bo', email: 'bo@example.com', cellphone_number: '+46703000000', country: 'SWE' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'bo@example.com', latest_status: 'created', metadata: {}, notified_at: null, claimed_at: null, verified_at: null });
    expect(created.body.invitation_code).toMatch(/^[A-Z0-9]{8}$/);
    const byPhone = await call('POST', 'employees/', { name: 'Bo', cellphone_number: '+46703000000', country: 'SWE' });
    expect(byPhone.status).toBe(400);
    expect(byPhone.body).toEqual({ email: ['This field is required.'] });
  });

  it('derives latest_status from the steps, shows the invitation code until claimed, and a country mismatch until the country changes', async () => {
    const employee = (await call('POST', 'employees/', employeeBody())).body;
    const status = async () => (await call('GET', `employees/${employee.id}/`)).body;
    sandbox.control.notifyEmployee(employee.id);
    expect(await status()).toMatchObject({ latest_status: 'invited', invitation_code: employee.invitation_code });
    sandbox.control.claimEmployee(employee.id);
    expect(await status()).toMatchObject({ latest_status: 'onboarding', invitation_code: null });
    expect(sandbox.control.mismatchEmployeeCountry(employee.id)).toMatchObject({ latest_status: 'country_mismatch' });
    expect(() => sandbox.control.mismatchEmployeeCountry(employee.id)).toThrow(/already has a country mismatch/);
    sandbox.control.verifyEmployee(employee.id);
    expect((await status()).latest_status).toBe('country_mismatch');
    expect((await call('PATCH', `employees/${employee.id}/`, { name: 'Same country' })).body.latest_status).toBe('country_mismatch');
    expect((await call('PATCH', `employees/${employee.id}/`, { country: 'NOR' })).body.latest_status).toBe('active');
  });

  it('refuses a duplicate client-chosen id with 400 on id', async () => {
    expect((await call('POST', 'employees/', employeeBody({ id: '1847' }))).status).toBe(201);
    const dup = await call('POST', 'employees/', employeeBody({ id: '1847' }));
    expect(dup.status).toBe(400);
    expect(dup.body.id[0]).toMatch(/already exists/);
  });

  it('updates with PATCH (ids are mutable) and replaces with PUT', async () => {
    await call('POST', 'employees/', employeeBody({ id: 'e-old' }));
    const patched = await call('PATCH', 'employees/e-old/', { id: 'e-new', name: 'Renamed' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id: 'e-new', name: 'Renamed' });
    expect((await call('GET', 'employees/e-old/')).status).toBe(404);
    const put = await call('PUT', 'employees/e-new/', { name: 'Put', email: 'put@example.com', country: 'NOR' });
    expect(put.body).toMatchObject({ id: 'e-new', name: 'Put', email: 'put@example.com', cellphone_number: null, country: 'NOR', metadata: {} });
    const clearing = await call('PATCH', 'employees/e-new/', { email: null });
    expect(clearing.status).toBe(400);
  });

  it('refuses to delete an employee who has ever had a payout', async () => {
    const employee = (await call('POST', 'employees/', employeeBody())).body;
    await call('POST', 'payouts/', payoutBody(employee.id));
    const refused = await call('DELETE', `employees/${employee.id}/`);
    expect(refused.status).toBe(400);
    expect(refused.body.non_field_errors[0]).toMatch(/payouts/);
    // Still refused once those payouts are gone: the rule is "once any payout has been registered".
    const former = (await call('POST', 'employees/', employeeBody())).body;
    const payout = (await call('POST', 'payouts/', payoutBody(former.id))).body;
    expect((await call('DELETE', `payouts/${payout.id}/`)).status).toBe(204);
    const stillRefused = await call('DELETE', `employees/${former.id}/`);
    expect(stillRefused.status).toBe(400);
    expect(stillRefused.body.non_field_errors[0]).toMatch(/payouts/);
    const lonely = (await call('POST', 'employees/', employeeBody())).body;
    expect((await call('DELETE', `employees/${lonely.id}/`)).status).toBe(204);
  });

  it('resends the invitation at most once per 24 hours', async () => {
    const employee = (await call('POST', 'employees/', employeeBody())).body;
    expect((await call('PATCH', `employees/${employee.id}/resend/`)).status).toBe(204);
    expect((await call('GET', `employees/${employee.id}/`)).body.notified_at).not.toBeNull();
    const early = await call('PATCH', `employees/${employee.id}/resend/`);
    expect(early.status).toBe(400);
    expect(early.body.non_field_errors[0]).toMatch(/24 hours/);
    sandbox.control.advanceClock(24 * 3600 * 1000);
    expect((await call('PATCH', `employees/${employee.id}/resend/`)).status).toBe(204);
  });

  it('filters by search and by each timestamp (_null/_before/_after)', async () => {
    const other = sandbox.control.createAccount();
    const own = api({ url: sandbox.url, ...other });
    const a = (await own('POST', 'employees/', { name: 'Astrid Lindgren', email: 'astrid@example.com', country: 'SWE' })).body;
    const b = (await own('POST', 'employees/', { name: 'Bertil', email: 'bertil@example.com', cellphone_number: '+46709999999', country: 'SWE' })).body;
    sandbox.control.verifyEmployee(b.id, other.integrationId);
    const ids = async (query: string) => (await own('GET', `employees/?${query}`)).body.results.map((e: { id: string }) => e.id);
    expect(await ids('search=LINDGREN')).toEqual([a.id]);
    expect(await ids('search=99999')).toEqual([b.id]);
    expect(await ids('search=astrid%40example')).toEqual([a.id]);
    for (const field of ['notified_at', 'claimed_at', 'verified_at']) {
      expect(await ids(`${field}_null=True`)).toEqual([a.id]);
      expect(await ids(`${field}_null=false`)).toEqual([b.id]);
    }
    const verifiedAt = (await own('GET', `employees/${b.id}/`)).body.verified_at;
    expect(await ids(`verified_at_after=${encodeURIComponent(verifiedAt)}`)).toEqual([b.id]);
    expect(await ids(`verified_at_before=${encodeURIComponent(verifiedAt)}`)).toEqual([b.id]);
    expect(await ids(`created_at_before=${encodeURIComponent(a.created_at)}`)).toEqual([a.id]);
    expect(await ids(`created_at_after=${encodeURIComponent(b.created_at)}`)).toEqual([b.id]);
    expect((await own('GET', 'employees/?created_at_after=yesterday')).status).toBe(400);
  });
});
