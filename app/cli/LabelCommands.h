#pragma once

#include <QStringList>

namespace bs
{

class CliContext;

// `broadsheet-cli label create|rename|delete|list|assign|unassign ...`
int labelCommand(CliContext &ctx, const QStringList &arguments);
// `broadsheet-cli note ID [TEXT... | --clear]`
int noteCommand(CliContext &ctx, const QStringList &arguments);

} // namespace bs
