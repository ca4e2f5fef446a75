// An OpenID Connect provider on loopback for the SSO end-to-end tests and for trying
// SSO locally: the certified `oidc-provider` with its development sign-in pages (any
// login name is accepted, as an organisation's directory would accept its people).
//
//   node scripts/oidc_provider.mjs PORT CLIENT_SECRET REDIRECT_URI
//
// One client, `synapse`, whose only redirect URI is the homeserver's OIDC callback.
// Prints "ready" once it listens.
import Provider from 'oidc-provider';

const [port, secret, redirectUri] = process.argv.slice(2);
if (!port || !secret || !redirectUri) {
  console.error('usage: node scripts/oidc_provider.mjs PORT CLIENT_SECRET REDIRECT_URI');
  process.exit(2);
}

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [{
    client_id: 'synapse',
    client_secret: secret,
    redirect_uris: [redirectUri],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  claims: { openid: ['sub'], profile: ['name', 'preferred_username'] },
  // The login name is the account: `jane` signs in as jane, named "Jane".
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, preferred_username: id, name: id.charAt(0).toUpperCase() + id.slice(1) };
      },
    };
  },
  features: { devInteractions: { enabled: true } },
});
// Its own warnings about development pages are expected here; keep the output short.
provider.on('server_error', (_ctx, error) => console.error('oidc-provider:', error));

provider.listen(Number(port), '127.0.0.1', () => console.log('ready'));
