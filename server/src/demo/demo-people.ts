import { base, de, en, Faker } from '@faker-js/faker';
import { normalizeName, type Gender } from '@schulverwaltung/shared';
import {
  COMMON_SURNAMES, DISTRICT_POSTAL_CODES, MOBILE_PREFIXES, NEARBY_TOWNS, PRIVATE_EMAIL_DOMAINS,
} from './demo-catalog';
import type { SeededRandom } from './random';

export interface DemoAddress {
  street: string;
  postalCode: string;
  city: string;
}

/** Realistic German names, addresses and contact data; faker is seeded, so one seed gives one population. */
export class DemoPeople {
  private readonly faker = new Faker({ locale: [de, en, base] });

  constructor(seed: number, private readonly random: SeededRandom) {
    this.faker.seed(seed);
  }

  /** 'D' (divers) is rare but present, so forms and lists show it. */
  gender(): Gender {
    return this.random.weighted<Gender>([['W', 49], ['M', 49], ['D', 2]]);
  }

  firstName(gender: Gender): string {
    if (gender === 'D') return this.faker.person.firstName();
    return this.faker.person.firstName(gender === 'W' ? 'female' : 'male');
  }

  /** A third from a list of common surnames, so Müller, Schäfer, Weiß … occur often, as they do. */
  lastName(): string {
    return this.random.chance(0.35) ? this.random.pick(COMMON_SURNAMES) : this.faker.person.lastName();
  }

  birthPlace(): string {
    return this.random.chance(0.7) ? 'Berlin' : this.random.pick(this.faker.definitions.location.city_name);
  }

  address(): DemoAddress {
    const street = `${this.faker.location.street()} ${this.houseNumber()}`;
    if (this.random.chance(0.1)) {
      const [city, postalCode] = this.random.pick(NEARBY_TOWNS);
      return { street, postalCode, city };
    }
    return { street, postalCode: this.random.pick(DISTRICT_POSTAL_CODES), city: 'Berlin' };
  }

  mobilePhone(): string {
    return `+49 ${this.random.pick(MOBILE_PREFIXES)} ${this.digits(8)}`;
  }

  landlinePhone(): string {
    return `030 ${this.digits(this.random.int(7, 8))}`;
  }

  /** Reserved example domains only: a demo must never mail a real person. */
  privateEmail(firstName: string, lastName: string): string {
    const suffix = this.random.chance(0.3) ? String(this.random.int(1, 99)) : '';
    return `${emailLocalPart(firstName, lastName)}${suffix}@${this.random.pick(PRIVATE_EMAIL_DOMAINS)}`;
  }

  private houseNumber(): string {
    const letter = this.random.chance(0.1) ? this.random.pick(['a', 'b', 'c']) : '';
    return `${this.random.int(1, 150)}${letter}`;
  }

  private digits(count: number): string {
    return Array.from({ length: count }, (_, i) => this.random.int(i === 0 ? 1 : 0, 9)).join('');
  }
}

/** 'jürgen', 'Groß-Weber' → 'juergen.gross-weber' */
export function emailLocalPart(firstName: string, lastName: string): string {
  const slug = (value: string) => normalizeName(value).replace(/ /g, '-');
  return `${slug(firstName)}.${slug(lastName)}`;
}
