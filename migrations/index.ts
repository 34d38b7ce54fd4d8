// Every migration, in order. Migrations use raw SQL and import nothing from server/.
import { InitialSchema1795835819791 } from './1795835819791-initial-schema';

export const MIGRATIONS: Function[] = [InitialSchema1795835819791];
