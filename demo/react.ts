import React from 'react';
import ReactDOMClient from 'react-dom/client';
import { AuthenticatorList, PasskeyRegister } from '../src/react.js';
import { TOKENS, USERS } from '../mock/seed.js';
import { byId } from './shared.js';

/** A React component using the wrappers: props in, typed events out. */
function App() {
  const [last, setLast] = React.useState('nothing yet');
  return React.createElement(
    React.Fragment,
    null,
    React.createElement(PasskeyRegister, {
      userId: USERS.alice.id,
      token: TOKENS.alice,
      onRegistrationSuccess: (event) => setLast(`registered “${event.detail.name}” (${event.detail.id})`),
      onRegistrationError: (event) => setLast(`${event.detail.code}: ${event.detail.message}`),
    }),
    React.createElement('p', { role: 'status', className: 'event-line' }, `Last event: ${last}`),
    React.createElement('h2', null, 'Registered'),
    React.createElement(AuthenticatorList, { userId: USERS.alice.id, token: TOKENS.alice }),
  );
}

ReactDOMClient.createRoot(byId('root')).render(React.createElement(App));
