// A real OpenID provider (node oidc-provider) for the DevEx.Server tests, on 127.0.0.1 only.
// Usage: node provider.mjs CONFIG.json. The config names the port (0: any free one), the audience of API tokens, the
// clients and the people; the provider prints "listening ISSUER" once it accepts connections.
// Signing keys are made fresh at each start, so two providers never accept each other's tokens.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Provider from 'oidc-provider';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const people = config.people ?? {};      // login -> { email, groups }
const clientGroups = config.clientGroups ?? {}; // client_id -> groups carried by its client-credentials tokens
const shortLived = new Set(config.shortLivedClients ?? []); // clients whose API tokens live 5 seconds

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };

function start(port) {
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: config.clients,
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomUUID()] },
    pkce: { required: () => true },
    claims: { openid: ['sub', 'groups'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: false, // the id token carries email and groups too, as most providers' do
    async findAccount(_ctx, id) {
      const person = people[id] ?? { email: `${id}@example.test`, groups: [] };
      return {
        accountId: id,
        claims: async () => ({ sub: id, name: id, email: person.email, email_verified: true, groups: person.groups ?? [] }),
      };
    },
    async extraTokenClaims(_ctx, token) {
      return token.kind === 'ClientCredentials' ? { groups: clientGroups[token.clientId] ?? [] } : undefined;
    },
    features: {
      devInteractions: { enabled: true }, // a login form that takes any login and password
      clientCredentials: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // Machines get API tokens for DevEx's audience; a browser sign-in's access token stays the provider's own (userinfo).
        defaultResource: (ctx) => (ctx.oidc.params?.grant_type === 'client_credentials' ? config.audience : undefined),
        useGrantedResource: () => true,
        getResourceServerInfo: (ctx, resource, client) => ({
          audience: resource,
          scope: 'api mcp:read', // mcp:read: what DevEx's MCP endpoint asks of a provider's token
          accessTokenFormat: 'jwt',
          accessTokenTTL: shortLived.has(client.clientId) ? 5 : 600,
        }),
      },
    },
    ttl: { Session: 3600, Interaction: 600, Grant: 3600, IdToken: 600, AccessToken: 600, AuthorizationCode: 60 },
  });
  provider.on('server_error', (_ctx, error) => console.error('server_error', error));
  const server = provider.listen(port, '127.0.0.1', () => {
    const actual = server.address().port;
    if (port === 0) {
      // The issuer names the port, so the provider is built again on the port the system chose.
      server.close(() => start(actual));
      return;
    }
    console.log(`listening ${issuer}`);
  });
}

start(config.port ?? 0);
