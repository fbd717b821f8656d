// The app.bsky.feed.post record for a post. Links become facets, which Bluesky needs to make
// them clickable: RichText finds them and measures them in UTF-8 bytes, as facets require.
// Mentions are left out (they would need each handle resolved to a DID first) and so are tags.
import { AppBskyRichtextFacet, RichText } from "@atproto/api";

export const postCollection = "app.bsky.feed.post";

type LinkFacet = {
  index: { byteStart: number; byteEnd: number };
  features: { $type: "app.bsky.richtext.facet#link"; uri: string }[];
};

export type PostRecord = {
  $type: typeof postCollection;
  text: string;
  createdAt: string;
  facets?: LinkFacet[];
};

export function linkFacets(text: string): LinkFacet[] {
  const rich = new RichText({ text });
  rich.detectFacetsWithoutResolution();
  return (rich.facets ?? []).flatMap((facet) => {
    const features = facet.features.flatMap((feature) =>
      AppBskyRichtextFacet.isLink(feature)
        ? [{ $type: "app.bsky.richtext.facet#link" as const, uri: feature.uri }]
        : [],
    );
    const { byteStart, byteEnd } = facet.index;
    return features.length > 0 ? [{ index: { byteStart, byteEnd }, features }] : [];
  });
}

/** The same post always gives the same record, so a re-sent record is byte for byte the same. */
export function postRecord(post: { text: string; createdAt: Date }): PostRecord {
  const facets = linkFacets(post.text);
  return {
    $type: postCollection,
    text: post.text,
    createdAt: post.createdAt.toISOString(),
    ...(facets.length > 0 ? { facets } : {}),
  };
}
