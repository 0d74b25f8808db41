import { createDispatcher, type Dispatcher, type DispatcherOptions } from '../ipc/dispatcher';
import { ALL_HANDLERS } from '../ipc/handlers';
import { AppRuntime, type RuntimeConfig } from './runtime';

/** The composition root: config → runtime (case file, session) → services → dispatcher. */
export function composeApp(
  config: RuntimeConfig,
  opts: DispatcherOptions = {},
): { runtime: AppRuntime; dispatcher: Dispatcher } {
  const runtime = new AppRuntime(config);
  return { runtime, dispatcher: createDispatcher(runtime, ALL_HANDLERS, opts) };
}
