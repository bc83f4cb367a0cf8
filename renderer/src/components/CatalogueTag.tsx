import { catalogueTag } from '../../../shared/domain/catalogue';

/** The statistical indicator a measure reports, as a small tag after its other facts: " · TT13 · PL IV · 0101". */
export function CatalogueTag({ linked }: { linked: { catalogueCode: string; annex: string; code: string | null; name: string } | null }) {
  if (!linked) return null;
  return (
    <>
      {' · '}
      <span className="tag tag-catalogue" title={linked.name}>
        {catalogueTag(linked)}
      </span>
    </>
  );
}
