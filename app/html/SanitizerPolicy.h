#pragma once

#include <string_view>

// The allowlists behind sanitizeHtml(). Names are lower case, as libxml2 reports them.
namespace bs::htmlpolicy
{

enum class ElementRule {
    Keep,           // written out with its allowed attributes
    Unwrap,         // tag dropped, content kept (unknown or merely unwanted elements)
    DropWithContent // tag and everything inside dropped (script, style, svg, ...)
};

ElementRule elementRule(std::string_view element);
// Elements written as <name ... /> without an end tag.
bool isVoidElement(std::string_view element);
bool isAllowedAttribute(std::string_view attribute);
// Attributes holding a URL (or, for ping, a list of URLs) whose scheme is checked.
bool isUrlAttribute(std::string_view attribute);
// Element/attribute pairs whose relative URL is resolved against the base.
bool isRelativeUrlAttribute(std::string_view element, std::string_view attribute);

} // namespace bs::htmlpolicy
