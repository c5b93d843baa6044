// FeedBuilder: which handler each element name goes to (core formats and extensions).

#include "feeds/FeedBuilder.h"
#include "feeds/FeedText.h"

namespace bs
{

using A = FeedBuilder::Attributes;

struct FeedHandlerTable {
    using Start = void (FeedBuilder::*)(A &);
    using End = void (FeedBuilder::*)();
    struct Entry {
        Start start = nullptr;
        End end = nullptr;
    };
    static const QHash<QString, Entry> &table()
    {
        static const QHash<QString, Entry> t = [] {
            QHash<QString, Entry> h;
            auto both = [&h](std::initializer_list<const char *> names, Start s, End e) {
                for (const char *n : names)
                    h.insert(QString::fromLatin1(n), Entry{s, e});
            };
            using B = FeedBuilder;
            both({"rss"}, &B::start_rss, nullptr);
            both({"channel"}, &B::start_channel, &B::end_channel);
            both({"feed"}, &B::start_feed, &B::end_feed);
            both({"image"}, &B::start_image, &B::end_image);
            both({"textinput"}, &B::start_textinput, &B::end_textinput);
            both({"author", "managingeditor", "dc_author", "dc_creator", "itunes_author"},
                 &B::start_author, &B::end_author);
            both({"contributor"}, &B::start_contributor, &B::end_contributor);
            both({"name", "itunes_name"}, &B::start_name, &B::end_name);
            both({"width"}, &B::start_width, &B::end_width);
            both({"height"}, &B::start_height, &B::end_height);
            both({"url", "homepage", "uri"}, &B::start_url, &B::end_url);
            both({"email", "itunes_email"}, &B::start_email, &B::end_email);
            both({"subtitle", "tagline", "itunes_subtitle"}, &B::start_subtitle, &B::end_subtitle);
            both({"rights", "copyright", "dc_rights"}, &B::start_rights, &B::end_rights);
            both({"item", "entry"}, &B::start_item, &B::end_item);
            both({"language", "dc_language"}, &B::start_language, &B::end_language);
            both({"webmaster", "dc_publisher"}, &B::start_webmaster, &B::end_webmaster);
            both({"published", "issued", "pubdate", "dcterms_issued"}, &B::start_published,
                 &B::end_published);
            both({"updated", "modified", "lastbuilddate", "dc_date", "dcterms_modified"},
                 &B::start_updated, &B::end_updated);
            both({"created", "dcterms_created"}, &B::start_created, &B::end_created);
            both({"expirationdate"}, &B::start_expirationdate, &B::end_expirationdate);
            both({"category", "keywords", "dc_subject"}, &B::start_category, &B::end_category);
            both({"cloud"}, &B::start_cloud, nullptr);
            both({"link"}, &B::start_link, &B::end_link);
            both({"guid", "id"}, &B::start_guid, &B::end_guid);
            both({"title", "dc_title"}, &B::start_title, &B::end_title);
            both({"description", "dc_description", "media_description"}, &B::start_description,
                 &B::end_description);
            both({"abstract"}, &B::start_abstract, &B::end_abstract);
            both({"info", "feedburner_browserfriendly"}, &B::start_info, &B::end_info);
            both({"generator"}, &B::start_generator, &B::end_generator);
            both({"summary", "itunes_summary"}, &B::start_summary, &B::end_summary);
            both({"enclosure"}, &B::start_enclosure, nullptr);
            both({"source"}, &B::start_source, &B::end_source);
            both({"content"}, &B::start_content, &B::end_content);
            both({"body", "xhtml_body"}, &B::start_body, &B::end_body);
            both({"content_encoded", "fullitem"}, &B::start_content_encoded,
                 &B::end_content_encoded);
            both({"newlocation"}, &B::start_newlocation, &B::end_newlocation);
            both({"dc_contributor"}, &B::start_dc_contributor, &B::end_dc_contributor);
            both({"dcterms_valid"}, &B::start_dcterms_valid, &B::end_dcterms_valid);
            both({"itunes_owner"}, &B::start_itunes_owner, &B::end_itunes_owner);
            both({"itunes_category"}, &B::start_itunes_category, &B::end_itunes_category);
            both({"itunes_image", "itunes_link"}, &B::start_itunes_image, &B::end_itunes_image);
            both({"itunes_keywords"}, nullptr, &B::end_itunes_keywords);
            both({"itunes_block"}, nullptr, &B::end_itunes_block);
            both({"itunes_explicit"}, nullptr, &B::end_itunes_explicit);
            both({"media_category"}, &B::start_media_category, &B::end_media_category);
            both({"media_keywords"}, nullptr, &B::end_media_keywords);
            both({"media_title"}, &B::start_media_title, &B::end_media_title);
            both({"media_group"}, &B::start_media_group, nullptr);
            both({"media_rating"}, &B::start_media_rating, &B::end_media_rating);
            both({"media_credit"}, &B::start_media_credit, &B::end_media_credit);
            both({"media_restriction"}, &B::start_media_restriction, &B::end_media_restriction);
            both({"media_license"}, &B::start_media_license, &B::end_media_license);
            both({"media_content"}, &B::start_media_content, nullptr);
            both({"media_thumbnail"}, &B::start_media_thumbnail, &B::end_media_thumbnail);
            both({"media_player"}, &B::start_media_player, &B::end_media_player);
            both({"cc_license"}, &B::start_cc_license, nullptr);
            both({"creativecommons_license"}, &B::start_creativecommons_license,
                 &B::end_creativecommons_license);
            both({"tags"}, &B::start_tags, &B::end_tags);
            both({"psc_chapters"}, &B::start_psc_chapters, &B::end_psc_chapters);
            both({"psc_chapter"}, &B::start_psc_chapter, nullptr);
            both({"georss_point"}, &B::start_georss_geometry, &B::end_georss_point);
            both({"georss_line"}, &B::start_georss_geometry, &B::end_georss_line);
            both({"georss_polygon"}, &B::start_georss_geometry, &B::end_georss_polygon);
            both({"georss_box"}, &B::start_georss_geometry, &B::end_georss_box);
            both({"where", "georss_where"}, &B::start_where, &B::end_where);
            both({"gml_point"}, &B::start_gml_point, &B::end_gml_point);
            both({"gml_linestring"}, &B::start_gml_linestring, &B::end_gml_point);
            both({"gml_polygon"}, &B::start_gml_polygon, &B::end_gml_point);
            both({"gml_exterior"}, &B::start_gml_exterior, &B::end_gml_point);
            both({"gml_linearring"}, &B::start_gml_linearring, &B::end_gml_point);
            both({"gml_pos"}, &B::start_gml_pos, &B::end_gml_pos);
            both({"gml_poslist"}, &B::start_gml_poslist, &B::end_gml_poslist);
            return h;
        }();
        return t;
    }
};

bool FeedBuilder::dispatchStart(const QString &key, A &attrs)
{
    const auto &t = FeedHandlerTable::table();
    const auto it = t.constFind(key);
    if (it == t.constEnd() || !it->start)
        return false;
    (this->*(it->start))(attrs);
    return true;
}

bool FeedBuilder::dispatchEnd(const QString &key)
{
    const auto &t = FeedHandlerTable::table();
    const auto it = t.constFind(key);
    if (it == t.constEnd() || !it->end)
        return false;
    (this->*(it->end))();
    return true;
}

} // namespace bs
