/** @jest-environment node */
import {
  addImage, articleImageBytes, emptyImageIndex, imageKeyFor, releaseArticle, totalImageBytes,
} from '../../../src/offline-images/image-index';

function library() {
  let index = emptyImageIndex();
  index = addImage(index, 'a1', 'https://x.example/logo.png', 'k-logo', 1000, 'image/png');
  index = addImage(index, 'a1', 'https://x.example/photo.jpg', 'k-photo', 50_000, 'image/jpeg');
  // The same logo under another URL in another article: same bytes, stored once.
  index = addImage(index, 'a2', 'https://cdn.x.example/logo.png?v=2', 'k-logo', 1000, 'image/png');
  return index;
}

describe('image index', () => {
  it('counts an image shared by articles once', () => {
    const index = library();
    expect(Object.keys(index.images).sort()).toEqual(['k-logo', 'k-photo']);
    expect(totalImageBytes(index)).toBe(51_000);
    expect(index.images['k-logo']?.articles).toEqual(['a1', 'a2']);
  });

  it('tells what an article uses and what deleting it frees', () => {
    expect(articleImageBytes(library(), 'a1')).toEqual({ bytes: 51_000, freedOnDelete: 50_000 });
    expect(articleImageBytes(library(), 'a2')).toEqual({ bytes: 1000, freedOnDelete: 0 });
    expect(articleImageBytes(library(), 'nope')).toEqual({ bytes: 0, freedOnDelete: 0 });
  });

  it('deletes an image only when the last article using it goes', () => {
    const first = releaseArticle(library(), 'a1');
    expect(first.orphans).toEqual(['k-photo']);
    expect(totalImageBytes(first.index)).toBe(1000);
    expect(imageKeyFor(first.index, 'a2', 'https://cdn.x.example/logo.png?v=2')).toBe('k-logo');
    expect(imageKeyFor(first.index, 'a1', 'https://x.example/logo.png')).toBeUndefined();
    const second = releaseArticle(first.index, 'a2');
    expect(second.orphans).toEqual(['k-logo']);
    expect(second.index).toEqual(emptyImageIndex());
  });

  it('adding the same image twice to an article changes nothing', () => {
    const index = library();
    expect(addImage(index, 'a1', 'https://x.example/logo.png', 'k-logo', 1000, 'image/png')).toEqual(index);
  });

  it('survives a JSON round trip (it is what storage keeps)', () => {
    const index = library();
    expect(JSON.parse(JSON.stringify(index))).toEqual(index);
  });
});
