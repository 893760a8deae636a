export { OpenApiValidator, formatProblem, type Operation, type Problem, type QueryParameter, type ValidatorOptions } from './validator.js';
export { createExchangeValidator, type ExchangeValidator, type OperationMatch, type RecordedRequest, type RecordedResponse } from './exchange.js';
export { METHODS, isObject, jsonType, resolveIn, type JsonObject, type OpenApiDocument, type Schema } from './document.js';
export type { ValidateFunction } from 'ajv/dist/2020.js';
