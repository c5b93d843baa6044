#pragma once

#include <QStringList>

#include <span>

namespace bs
{

class CliContext;

struct CliCommand {
    const char *name;
    const char *arguments;
    const char *summary;
    int (*run)(CliContext &context, const QStringList &arguments);
};

// The one table of CLI verbs: adding a command is one line here plus its function.
std::span<const CliCommand> cliCommands();

} // namespace bs
