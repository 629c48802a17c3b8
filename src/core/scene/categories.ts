/**
 * Classes of things a question may range over instead of "object" ("which vehicle is closest?", "the biggest
 * appliance", "how many vehicles are there?"): the words for the class, its name, and the caption ends (a
 * caption's last words) of its members. Shared by the parser (which objects a question ranges over) and the
 * answers (what a set of objects is called).
 */
import { singular } from './plural';

export interface Category {
  noun: string;
  plural: string;
  /** the class's words in a question, a regular expression's alternatives */
  words: string;
  members: readonly string[];
}

export const CATEGORIES: readonly Category[] = [
  {
    noun: 'vehicle', plural: 'vehicles', words: 'vehicles?|cars and trucks',
    members: ['car', 'bus', 'truck', 'van', 'bicycle', 'bike', 'motorcycle', 'motorbike', 'scooter', 'train', 'tram', 'boat', 'ship',
      'airplane', 'aeroplane', 'plane', 'taxi', 'cab', 'suv', 'sedan', 'lorry', 'tractor', 'jeep', 'minivan', 'ambulance', 'pickup', 'coach'],
  },
  {
    noun: 'appliance', plural: 'appliances', words: '(?:kitchen |household )?appliances?',
    members: ['refrigerator', 'fridge', 'freezer', 'oven', 'microwave', 'toaster', 'dishwasher', 'stove', 'cooker', 'kettle', 'blender',
      'washer', 'dryer', 'washing machine', 'coffee maker', 'coffee machine', 'range hood', 'air conditioner', 'heater'],
  },
  {
    noun: 'piece of furniture', plural: 'pieces of furniture', words: 'furniture|pieces? of furniture|furnishings?',
    members: ['chair', 'armchair', 'sofa', 'couch', 'table', 'desk', 'bed', 'dresser', 'cabinet', 'shelf', 'shelves', 'bookshelf', 'bookcase',
      'stool', 'bench', 'ottoman', 'wardrobe', 'cupboard', 'night stand', 'nightstand', 'chest of drawers', 'sideboard', 'tv stand'],
  },
];

/** A caption is of a class when it ends with one of the class's members ("bar stool", "pickup truck"; not "table lamp"). */
export function ofCategory(caption: string, c: Category): boolean {
  const words = caption.toLowerCase().trim().split(/\s+/);
  const last = words[words.length - 1] ?? '';
  const lastForms = [last, singular(last)];
  return c.members.some((m) => {
    const mw = m.split(' ');
    return lastForms.includes(mw[mw.length - 1]) && words.slice(-mw.length, -1).join(' ') === mw.slice(0, -1).join(' ');
  });
}

/** The one class every caption belongs to, or null. */
export function categoryOfAll(captions: readonly string[]): Category | null {
  return captions.length ? CATEGORIES.find((c) => captions.every((caption) => ofCategory(caption, c))) ?? null : null;
}
