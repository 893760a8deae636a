export { createSpecValidator, type SpecValidator } from './spec-validator.js';
export { createContractRecorder, type ContractRecorder, type Coverage } from './contract-recorder.js';
