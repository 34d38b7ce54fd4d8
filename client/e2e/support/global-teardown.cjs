module.exports = async function globalTeardown() {
  const server = globalThis.__SV_E2E_SERVER__;
  if (!server) return;
  server.kill('SIGTERM');
  await new Promise((resolve) => server.on('exit', resolve));
};
