/**
 * Messages: one-way notes from the integration to some of its employees. Every id in `employees`
 * must be one of the integration's employees: an unknown one is a `400` on `employees` naming it
 * (the spec's `ValidationError`, worded as the payouts' unknown employee), and nothing is stored.
 */
import { validationError } from '../../internal/errors.js';
import { newId } from '../../internal/ids.js';
import { listed, paginate } from '../../internal/listing.js';
import { nextSeq, update } from '../../internal/state.js';
import { has, idValue, objectBody, scoped, type Handler, type OperationContext } from '../context.js';
import { EMPLOYEES, type EmployeeRecord } from '../employees/record.js';
import { findOr404 } from '../table.js';
import { MESSAGES, type MessageRecord } from './record.js';
import { serializeMessage } from './serialize.js';

const messagesOf = (context: OperationContext) => scoped(context).data.get(MESSAGES);
const lookup = (context: OperationContext): MessageRecord => findOr404(messagesOf(context), context.params.id);
const serializer = (context: OperationContext) => (message: MessageRecord) => serializeMessage(message, scoped(context).data.get(EMPLOYEES));

/** The integration's employees the ids name, each once, in the order sent; a `400` naming every unknown id. */
function employeesNamed(context: OperationContext, value: unknown): EmployeeRecord[] {
  const employees = scoped(context).data.get(EMPLOYEES);
  const ids = [...new Set((Array.isArray(value) ? value : []).map(idValue).filter((id): id is string => id !== undefined))];
  const unknown = ids.filter((id) => !employees.has(id));
  if (unknown.length > 0) throw validationError({ employees: unknown.map((id) => `Object with id "${id}" does not exist.`) });
  return ids.map((id) => employees.get(id)!);
}

export const messageHandlers: Record<string, Handler> = {
  listMessages(context) {
    return { status: 200, body: paginate(listed(messagesOf(context), 'oldest'), context.url, serializer(context)) };
  },

  createMessage(context) {
    const input = objectBody(context.body);
    const message: MessageRecord = {
      id: newId(),
      employees: employeesNamed(context, input.employees),
      content: String(input.content),
      createdAt: context.core.clock.nowMicros(),
      seq: nextSeq(),
    };
    messagesOf(context).set(message.id, message);
    return { status: 201, body: serializer(context)(message) };
  },

  retrieveMessage(context) {
    return { status: 200, body: serializer(context)(lookup(context)) };
  },

  updateMessage(context) {
    const message = lookup(context);
    const input = objectBody(context.body);
    if (has(input, 'employees')) update(message, { employees: employeesNamed(context, input.employees) });
    if (has(input, 'content')) update(message, { content: String(input.content) });
    return { status: 200, body: serializer(context)(message) };
  },

  replaceMessage(context) {
    const message = lookup(context);
    const input = objectBody(context.body);
    update(message, { employees: employeesNamed(context, input.employees), content: String(input.content) });
    return { status: 200, body: serializer(context)(message) };
  },

  deleteMessage(context) {
    messagesOf(context).delete(lookup(context).id);
    return { status: 204 };
  },
};
