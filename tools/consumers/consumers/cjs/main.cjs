// CommonJS consumer: require() from a .cjs file, as a project without "type": "module" does.
const gigapay = require('@gigapay/client');
const webhooks = require('@gigapay/client/webhooks');
const { runSession } = require('./session');

const target = JSON.parse(process.env.CONSUMER_TARGET ?? '{}');
runSession(gigapay, webhooks, target).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
