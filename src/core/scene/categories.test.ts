import { describe, expect, it } from 'vitest';
import { CATEGORIES, categoryOfAll, ofCategory } from './categories';
import { kindNoun } from '../reason/templates';

const furniture = CATEGORIES.find((c) => c.noun === 'piece of furniture')!;

describe('classes of things', () => {
  it('a caption is of a class when it ends with one of its members, plural or not', () => {
    for (const caption of ['bar stool', 'bar stools', 'writing desk', 'chest of drawers', 'night stand', 'Benches']) expect(ofCategory(caption, furniture), caption).toBe(true);
    for (const caption of ['table lamp', 'music stand', 'desk lamp', 'chair cushion']) expect(ofCategory(caption, furniture), caption).toBe(false);
    const vehicles = CATEGORIES.find((c) => c.noun === 'vehicle')!;
    for (const caption of ['taxis', 'lorries', 'pickup trucks', 'buses']) expect(ofCategory(caption, vehicles), caption).toBe(true);
  });
  it('the class every caption shares names a mixed set; one kind is named by its own word', () => {
    expect(categoryOfAll(['car', 'bus', 'bicycle'])?.noun).toBe('vehicle');
    expect(categoryOfAll(['car', 'person'])).toBeNull();
    expect(kindNoun(['car', 'city bus', 'bicycle'], 3)).toBe('vehicles');
    expect(kindNoun(['refrigerator', 'oven'], 2)).toBe('appliances');
    expect(kindNoun(['red chair', 'blue chair'], 2)).toBe('chairs');
    expect(kindNoun(['car', 'traffic light'], 2)).toBe('objects');
  });
});
