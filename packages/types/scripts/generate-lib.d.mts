export const SPEC_FILE: string;
export const GENERATED_FILE: string;
export function generateTypes(): Promise<string>;
export function exclusiveRequiredSets<T>(node: T): T;
export const OPERATION_MAP_FILE: string;
export function generateOperationMap(): string;
