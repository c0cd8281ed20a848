// The Dexie local database against the shared LocalStore conformance suite.

import { describeLocalStoreContract } from '../../../../support/local-store-contract';
import { openTestDb } from './local-db-support';

describeLocalStoreContract('dexie local db', () => openTestDb());
