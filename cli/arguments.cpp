// See arguments.h.
#include "arguments.h"

namespace fundguard::cli {

std::optional<std::string> Arguments::option(const std::string& name) const {
  auto it = options.find(name);
  if (it == options.end()) return std::nullopt;
  return it->second;
}

Arguments parseArguments(const std::vector<std::string>& args, const ArgumentSpec& spec) {
  Arguments out;
  bool onlyPositional = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (onlyPositional || a.size() < 2 || a[0] != '-') {
      out.positional.push_back(a);
      continue;
    }
    if (a == "--") {
      onlyPositional = true;
      continue;
    }
    std::string name = a;
    std::optional<std::string> value;
    if (auto eq = a.find('='); eq != std::string::npos) {
      name = a.substr(0, eq);
      value = a.substr(eq + 1);
    }
    if (spec.flags.count(name)) {
      if (value) {
        out.error = "option " + name + " takes no value";
        return out;
      }
      out.flags.insert(name);
    } else if (spec.options.count(name)) {
      if (!value) {
        if (i + 1 >= args.size()) {
          out.error = "option " + name + " needs a value";
          return out;
        }
        value = args[++i];
      }
      out.options[name] = *value;
    } else {
      out.error = "unknown option " + name;
      return out;
    }
  }
  return out;
}

std::vector<std::string> takeRepeated(std::vector<std::string>& argv, const std::string& name) {
  std::vector<std::string> values, rest;
  for (size_t i = 0; i < argv.size(); ++i) {
    if (argv[i] == name && i + 1 < argv.size()) {
      values.push_back(argv[++i]);
    } else if (argv[i].rfind(name + "=", 0) == 0) {
      values.push_back(argv[i].substr(name.size() + 1));
    } else {
      rest.push_back(argv[i]);
    }
  }
  argv = rest;
  return values;
}

}  // namespace fundguard::cli
