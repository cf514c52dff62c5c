/**
 * The runtime surface generated code builds on. Generated operation functions import only from here.
 */
export type { LoginRadiusClient } from './client';
export type { OperationDescriptor, RequestOptions } from './operation';
export type { JsonBodyOf, JsonResultOf, PathOf, QueryOf } from './operation';
export { createSottGenerator } from './auth/sott';
export { bodyProblem } from './call/body-check';
