import '../src/passkey-register.js';
import { byId, logEvents } from './shared.js';

logEvents(byId('register'), byId('events'));
