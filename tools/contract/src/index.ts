export { createExchangeValidator, type ExchangeValidator } from '@gigapay/openapi-validator';
export { createContractRecorder, type ContractRecorder, type Coverage } from './contract-recorder.js';
