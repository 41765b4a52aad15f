-- Neovim as doclint server's client (tests/server.rs runs this headless):
-- open a page, wait for the diagnostics, ask for the code actions of nat's
-- 500, apply the preferred one, write the buffer. Every step is logged to
-- $DOCLINT_LOG; the last line is "ok" or "FAIL: why".
local log = io.open(os.getenv('DOCLINT_LOG'), 'w')
local function say(s)
  log:write(s .. '\n')
  log:flush()
end
local function fail(why)
  say('FAIL: ' .. why)
  log:close()
  vim.cmd('cquit 1')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('DOCLINT_FILE')))
  local buf = vim.api.nvim_get_current_buf()
  local id = vim.lsp.start_client({
    name = 'doclint',
    cmd = { os.getenv('DOCLINT_BIN'), 'server' },
    root_dir = os.getenv('DOCLINT_ROOT'),
  })
  if not id then return fail('the server did not start') end
  vim.lsp.buf_attach_client(buf, id)
  local client = vim.lsp.get_client_by_id(id)

  local function the_500()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == 'DL002' and d.message:find(': 500 ', 1, true) then return d end
    end
  end
  if not vim.wait(30000, function() return the_500() ~= nil end, 20) then
    return fail('no DL002 diagnostic for 500; got ' .. vim.inspect(vim.diagnostic.get(buf)))
  end
  say('diagnostics: ' .. #vim.diagnostic.get(buf))
  -- The code actions for the diagnostic's range, as the editor asks.
  local d = the_500()
  local params = vim.lsp.util.make_given_range_params(
    { d.lnum + 1, d.col }, { d.end_lnum + 1, d.end_col }, buf, client.offset_encoding)
  params.context = {
    diagnostics = { { range = params.range, message = d.message, code = d.code, severity = d.severity } },
  }
  local reply = client.request_sync('textDocument/codeAction', params, 10000, buf)
  if not reply or reply.err then return fail('codeAction: ' .. vim.inspect(reply)) end
  local chosen
  for _, action in ipairs(reply.result or {}) do
    say('action: ' .. action.title)
    if action.isPreferred then chosen = action end
  end
  if not chosen then return fail('no preferred code action') end
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
  -- The server sees the edit and drops the diagnostic.
  if not vim.wait(30000, function() return the_500() == nil end, 20) then
    return fail('the diagnostic stayed after the fix')
  end
  vim.cmd('write')
  say('ok')
end)
if not ok then fail(tostring(err)) end
log:close()
vim.cmd('qall!')
