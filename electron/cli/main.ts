import { Command } from 'commander';
import { registerSetupCommands } from './commands/setup';
import { registerSyncCommands } from './commands/sync';
import { registerHouseholdCommands } from './commands/households';
import { registerExtractCommand } from './commands/extract';
import { registerTransportCommands } from './commands/transport';
import { registerEnrolCommands } from './commands/enrol';
import { registerRecoveryCommands } from './commands/recovery';
import { registerProfileCommands } from './commands/profile';
import { CliFailure } from './output';

/**
 * `so-viec` / `npm run cli -- <command>`: the same core as the app, for the Sở's automation
 * and for tests. Exit 0 on success; on refusal, non-zero with the error code printed.
 */
const program = new Command().name('so-viec').description('Sổ Việc — dòng lệnh').showHelpAfterError();
registerSetupCommands(program);
registerSyncCommands(program);
registerHouseholdCommands(program);
registerExtractCommand(program);
registerTransportCommands(program);
registerEnrolCommands(program);
registerRecoveryCommands(program);
registerProfileCommands(program);

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof CliFailure) {
    process.exitCode = e.exitCode;
    return;
  }
  console.error(e);
  process.exitCode = 1;
});
