import { runSisCommand } from './sis-command';

// npm run sis -- untis import <files, folders or a ZIP> --school <Schulnummer> [--dry-run]
//   [--valid-from YYYY-MM-DD] [--create-teachers] [--create-classes]
runSisCommand(process.argv.slice(2)).then((code) => process.exit(code));
