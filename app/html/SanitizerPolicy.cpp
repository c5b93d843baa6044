#include "html/SanitizerPolicy.h"

#include <unordered_set>

namespace bs::htmlpolicy
{

namespace
{

using NameSet = std::unordered_set<std::string_view>;

// feedparser's acceptable elements, without the form controls (form, input, button, select,
// option, optgroup, textarea, keygen, datalist), plus a few harmless newer ones (bdi, bdo, mark,
// summary, wbr).
const NameSet &keptElements()
{
    static const NameSet names = {
        "a",          "abbr",     "acronym",  "address",      "area",     "article",
        "aside",      "audio",    "b",        "bdi",          "bdo",      "big",
        "blockquote", "br",       "canvas",   "caption",      "center",   "cite",
        "code",       "col",      "colgroup", "command",      "datagrid", "dd",
        "del",        "details",  "dfn",      "dialog",       "dir",      "div",
        "dl",         "dt",       "em",       "event-source", "fieldset", "figcaption",
        "figure",     "font",     "footer",   "h1",           "h2",       "h3",
        "h4",         "h5",       "h6",       "header",       "hr",       "i",
        "img",        "ins",      "kbd",      "label",        "legend",   "li",
        "m",          "map",      "mark",     "menu",         "meter",    "multicol",
        "nav",        "nextid",   "noscript", "ol",           "output",   "p",
        "pre",        "progress", "q",        "rp",           "rt",       "ruby",
        "s",          "samp",     "section",  "small",        "sound",    "source",
        "spacer",     "span",     "strike",   "strong",       "sub",      "summary",
        "sup",        "table",    "tbody",    "td",           "tfoot",    "th",
        "thead",      "time",     "tr",       "tt",           "u",        "ul",
        "var",        "video",    "wbr"};
    return names;
}

// Elements whose content is code, styling or a foreign vocabulary rather than readable text.
const NameSet &droppedWithContent()
{
    static const NameSet names = {"applet", "script", "style", "svg", "template", "xml"};
    return names;
}

} // namespace

ElementRule elementRule(std::string_view element)
{
    if (keptElements().count(element))
        return ElementRule::Keep;
    if (droppedWithContent().count(element))
        return ElementRule::DropWithContent;
    return ElementRule::Unwrap;
}

bool isVoidElement(std::string_view element)
{
    static const NameSet names = {
        "area",  "base",    "basefont", "br",   "col",  "command", "embed",  "frame", "hr", "img",
        "input", "isindex", "keygen",   "link", "meta", "param",   "source", "track", "wbr"};
    return names.count(element) > 0;
}

bool isAllowedAttribute(std::string_view attribute)
{
    // feedparser's acceptable attributes; event handlers (on*) are never among them.
    static const NameSet names = {"abbr",
                                  "accept",
                                  "accept-charset",
                                  "accesskey",
                                  "action",
                                  "align",
                                  "alt",
                                  "autocomplete",
                                  "autofocus",
                                  "axis",
                                  "background",
                                  "balance",
                                  "bgcolor",
                                  "bgproperties",
                                  "border",
                                  "bordercolor",
                                  "bordercolordark",
                                  "bordercolorlight",
                                  "bottompadding",
                                  "cellpadding",
                                  "cellspacing",
                                  "ch",
                                  "challenge",
                                  "char",
                                  "charoff",
                                  "charset",
                                  "checked",
                                  "choff",
                                  "cite",
                                  "class",
                                  "clear",
                                  "color",
                                  "cols",
                                  "colspan",
                                  "compact",
                                  "contenteditable",
                                  "controls",
                                  "coords",
                                  "data",
                                  "datafld",
                                  "datapagesize",
                                  "datasrc",
                                  "datetime",
                                  "default",
                                  "delay",
                                  "dir",
                                  "disabled",
                                  "draggable",
                                  "dynsrc",
                                  "enctype",
                                  "end",
                                  "face",
                                  "for",
                                  "form",
                                  "frame",
                                  "galleryimg",
                                  "gutter",
                                  "headers",
                                  "height",
                                  "hidden",
                                  "hidefocus",
                                  "high",
                                  "href",
                                  "hreflang",
                                  "hspace",
                                  "icon",
                                  "id",
                                  "inputmode",
                                  "ismap",
                                  "keytype",
                                  "label",
                                  "lang",
                                  "leftspacing",
                                  "list",
                                  "longdesc",
                                  "loop",
                                  "loopcount",
                                  "loopend",
                                  "loopstart",
                                  "low",
                                  "lowsrc",
                                  "max",
                                  "maxlength",
                                  "media",
                                  "method",
                                  "min",
                                  "multiple",
                                  "name",
                                  "nohref",
                                  "noshade",
                                  "nowrap",
                                  "open",
                                  "optimum",
                                  "pattern",
                                  "ping",
                                  "point-size",
                                  "poster",
                                  "pqg",
                                  "preload",
                                  "prompt",
                                  "radiogroup",
                                  "readonly",
                                  "rel",
                                  "repeat-max",
                                  "repeat-min",
                                  "replace",
                                  "required",
                                  "rev",
                                  "rightspacing",
                                  "rows",
                                  "rowspan",
                                  "rules",
                                  "scope",
                                  "selected",
                                  "shape",
                                  "size",
                                  "span",
                                  "src",
                                  "start",
                                  "step",
                                  "style",
                                  "summary",
                                  "suppress",
                                  "tabindex",
                                  "target",
                                  "template",
                                  "title",
                                  "toppadding",
                                  "type",
                                  "unselectable",
                                  "urn",
                                  "usemap",
                                  "valign",
                                  "value",
                                  "variable",
                                  "volume",
                                  "vrml",
                                  "vspace",
                                  "width",
                                  "wrap",
                                  "xml:lang"};
    return names.count(attribute) > 0;
}

bool isUrlAttribute(std::string_view attribute)
{
    static const NameSet names = {"action", "background", "cite", "data",     "datasrc",
                                  "dynsrc", "href",       "icon", "longdesc", "lowsrc",
                                  "ping",   "poster",     "src",  "usemap",   "vrml"};
    return names.count(attribute) > 0;
}

bool isRelativeUrlAttribute(std::string_view element, std::string_view attribute)
{
    struct Pair {
        std::string_view element;
        std::string_view attribute;
    };
    // feedparser's relative-URI list.
    static constexpr Pair pairs[] = {
        {"a", "href"},          {"applet", "codebase"}, {"area", "href"},
        {"audio", "src"},       {"blockquote", "cite"}, {"body", "background"},
        {"del", "cite"},        {"form", "action"},     {"frame", "longdesc"},
        {"frame", "src"},       {"iframe", "longdesc"}, {"iframe", "src"},
        {"head", "profile"},    {"img", "longdesc"},    {"img", "src"},
        {"img", "usemap"},      {"input", "src"},       {"input", "usemap"},
        {"ins", "cite"},        {"link", "href"},       {"object", "classid"},
        {"object", "codebase"}, {"object", "data"},     {"object", "usemap"},
        {"q", "cite"},          {"script", "src"},      {"source", "src"},
        {"video", "poster"},    {"video", "src"}};
    for (const Pair &p : pairs) {
        if (p.element == element && p.attribute == attribute)
            return true;
    }
    return false;
}

} // namespace bs::htmlpolicy
