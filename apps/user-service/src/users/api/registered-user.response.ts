import { ApiProperty } from '@nestjs/swagger';

export class RegisteredUserResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
