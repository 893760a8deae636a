import { describe, expect, it } from 'vitest';
import { employeeBody, startForFile } from './helpers.js';

const { sandbox, call } = await startForFile();

describe('messages', () => {
  it('creates (201) for the integration’s employees, lists, retrieves, updates, replaces and deletes', async () => {
    const anna = (await call('POST', 'employees/', employeeBody())).body;
    const bo = (await call('POST', 'employees/', employeeBody({ name: 'Bo' }))).body;
    const created = await call('POST', 'messages/', { employees: [anna.id, anna.id], content: 'Welcome!' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), employees: [anna.id], content: 'Welcome!', created_at: expect.any(String) });
    expect((await call('GET', `messages/${created.body.id}/`)).body).toEqual(created.body);
    expect((await call('GET', 'messages/')).body.results).toEqual([created.body]);

    const patched = await call('PATCH', `messages/${created.body.id}/`, { content: 'Welcome aboard!' });
    expect(patched.body).toMatchObject({ employees: [anna.id], content: 'Welcome aboard!' });
    const replaced = await call('PUT', `messages/${created.body.id}/`, { employees: [bo.id, anna.id], content: 'Hi both' });
    expect(replaced.body).toMatchObject({ employees: [bo.id, anna.id], content: 'Hi both', created_at: created.body.created_at });
    expect((await call('DELETE', `messages/${created.body.id}/`)).status).toBe(204);
    expect((await call('GET', `messages/${created.body.id}/`)).status).toBe(404);
    expect(sandbox.violations).toEqual([]);
  });

  it('an employee id that is not the integration’s is a 400 on employees naming it, and nothing is stored', async () => {
    const anna = (await call('POST', 'employees/', employeeBody())).body;
    const other = sandbox.control.createAccount();
    const before = sandbox.control.snapshot();
    const unknown = await call('POST', 'messages/', { employees: [anna.id, 'nobody'], content: 'Hi' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ employees: ['Object with id "nobody" does not exist.'] });
    // Another integration's employee is as unknown.
    const foreign = await call('POST', 'messages/', { employees: [anna.id] , content: 'Hi' }, { authorization: `Token ${other.token}`, 'integration-id': other.integrationId });
    expect(foreign.status).toBe(400);
    expect(sandbox.control.snapshot()).toBe(before);
  });

  it('follows a renamed employee, and drops a deleted one', async () => {
    const anna = (await call('POST', 'employees/', employeeBody({ id: 'msg-anna' }))).body;
    const bo = (await call('POST', 'employees/', employeeBody({ id: 'msg-bo' }))).body;
    const message = (await call('POST', 'messages/', { employees: [anna.id, bo.id], content: 'Hi' })).body;
    await call('PATCH', 'employees/msg-anna/', { id: 'msg-anna-2' });
    await call('DELETE', 'employees/msg-bo/');
    expect((await call('GET', `messages/${message.id}/`)).body.employees).toEqual(['msg-anna-2']);
  });
});
