import { buildApp } from './build.ts';

buildApp();
