export const SPEC_FILE: string;
export const GENERATED_FILE: string;
export function generateTypes(): Promise<string>;
export const OPERATION_MAP_FILE: string;
export function generateOperationMap(): string;
