// doclint in VS Code: starts `doclint server` for Markdown files and shows
// its diagnostics, code actions and hovers.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration('doclint').get('path') || 'doclint';
  const server = { command, args: ['server'] };
  client = new LanguageClient(
    'doclint',
    'doclint',
    { run: server, debug: server },
    // The server asks VS Code to watch the pages and doclint.toml itself.
    { documentSelector: [{ scheme: 'file', language: 'markdown' }] },
  );
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
